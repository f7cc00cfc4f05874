"""USD per million tokens (input, output) per model, matched by longest model-name prefix.

The user's table (TRACETOPICS_PRICES='{"my-model": [0.2, 0.8]}') extends the built-in one;
TRACETOPICS_PRICE_PER_MTOK="0.2,0.8" sets one price for every model. Self-hosted models have
no price: their spend counts as 0 and is reported as unpriced.
"""

from __future__ import annotations

from tracetopics_pipeline.core.settings import ENDPOINT_PREFIX, Settings

PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
    "o4-mini": (1.10, 4.40),
    # embeddings: input only
    "text-embedding-3-small": (0.02, 0.0),
    "text-embedding-3-large": (0.13, 0.0),
    "text-embedding-ada-002": (0.10, 0.0),
}


def price_for(model: str, settings: Settings | None = None) -> tuple[float, float] | None:
    """(input, output) USD per million tokens, or None when unknown."""
    settings = settings or Settings.from_env()
    if settings.price_per_mtok is not None:
        return settings.price_per_mtok
    model = model.removeprefix(ENDPOINT_PREFIX)
    table = {**PRICES, **settings.prices}
    matches = [
        k for k in table if model == k or model.startswith(k + "-") or model.startswith(k + ":")
    ]
    return table[max(matches, key=len)] if matches else None


def cost_usd(price: tuple[float, float] | None, input_tokens: int, output_tokens: int) -> float:
    if price is None:
        return 0.0
    return (input_tokens * price[0] + output_tokens * price[1]) / 1e6
