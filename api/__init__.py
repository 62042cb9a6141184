"""The outward faces of rapportkoll: the CLI, the HTTP API and the Python API."""
