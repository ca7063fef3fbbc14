"""The tracker: what moved, when and on what source; the chronology of rounds; recording statements."""
