"""sayso: reads news and answers, for every claim in it, *on whose say-so?*

The public API is small on purpose::

    import sayso
    record = sayso.analyze_text("The minister said the talks had failed.")
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from .analyze import analyze_articles, analyze_text  # noqa: E402
from .contract import SCHEMA_ID, Article, Attribution  # noqa: E402
from .errors import InputError, ModelError, SaysoError  # noqa: E402
from .nlp import load_nlp  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA_ID",
    "Article",
    "Attribution",
    "InputError",
    "ModelError",
    "SaysoError",
    "__version__",
    "analyze_articles",
    "analyze_text",
    "load_nlp",
]
