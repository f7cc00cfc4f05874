"""Stage 1, ingest: trace files in the landing folder → `raw_traces`, bad lines → `quarantine`."""
