"""`python -m tracetopics_pipeline.cli`: the same as the `tracetopics` command."""

from tracetopics_pipeline.cli import main

raise SystemExit(main())
