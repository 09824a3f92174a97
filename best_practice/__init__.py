"""The best-practice library (strategy 4.2.2) and master classes (strategy 4.2.5)."""
