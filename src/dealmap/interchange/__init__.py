"""Moving deals in and out: the `dealmap/1` deal file, spreadsheets and decks."""
