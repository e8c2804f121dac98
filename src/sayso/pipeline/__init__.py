"""sayso's spaCy components. Each is a factory exposed through ``spacy_factories``."""
