"""Ingestion: report files (PDF, text) -> Document records. Knows nothing of facts."""
