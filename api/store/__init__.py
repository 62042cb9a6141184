"""Reading the knowledge base: the SQL and the tables made from it.

    queries.py        every query on facts, measures and findings, filtered and paged in SQL
    tidy.py           fact rows -> tidy columns (period parts, one column per breakdown key)
    dataset.py        the longitudinal dataset as a pandas DataFrame (`rapportkoll export`)
    document_json.py  a Document as plain JSON (`rapportkoll show`, /documents/{id})
    scope.py          the check_scope table: each report's measures, for incremental builds
"""
