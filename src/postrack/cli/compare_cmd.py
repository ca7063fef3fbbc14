def compare() -> None:
    """placeholder"""
