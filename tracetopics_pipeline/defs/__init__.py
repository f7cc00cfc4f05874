"""The Dagster shell: assets, checks, jobs, schedule, sensors and resources."""

import warnings

import dagster as dg

# We opt into beta APIs (single-run backfills) knowingly; keep the console for what matters.
warnings.filterwarnings("ignore", category=dg.BetaWarning)
warnings.filterwarnings("ignore", category=dg.PreviewWarning)
warnings.filterwarnings("ignore", message="Asset job .* varying BackfillPolicies")
