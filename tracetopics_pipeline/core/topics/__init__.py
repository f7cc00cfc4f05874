"""Stage 3, topics: summaries embedded, clustered into topic maps, every trace classified."""
