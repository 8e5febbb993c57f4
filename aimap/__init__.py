"""aimap: the logic of the European AI infrastructure map (everything testable without a
browser)."""
