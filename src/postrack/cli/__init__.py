"""The ``positions`` command line: thin commands over the library."""
