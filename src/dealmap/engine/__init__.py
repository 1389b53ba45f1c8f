"""Pure analysis of a deal: plain dataclasses in, a report out. No Django, no I/O."""
