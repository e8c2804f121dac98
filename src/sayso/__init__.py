"""sayso: reads news and answers, for every claim in it, *on whose say-so?*

The public API is small on purpose::

    import sayso
    record = sayso.analyze_text("The minister said the talks had failed.")
"""

from __future__ import annotations

import logging
from importlib.metadata import version

__version__ = version("sayso")

from .analyze import analyze_articles, analyze_text
from .contract import SCHEMA_ID, Actor, Article, Attribution
from .errors import InputError, ModelError, SaysoError
from .nlp import load_nlp

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA_ID",
    "Actor",
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
