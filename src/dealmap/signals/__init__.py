"""Text → suggested attitude, personal need, department concerns and behaviour signals.

Pure Python and offline: a cue lexicon (negation, softeners, reported speech) feeding a
small linear model trained on the project's own labelled corpus.
"""

from dealmap.signals.reader import Reading, read_note, reading_to_dict

__all__ = ["Reading", "read_note", "reading_to_dict"]
