"""The course as data: codes, labels, meanings, talking points and the finding catalogue (zh and en)."""
