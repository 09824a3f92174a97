"""The national dialogue and other knowledge-exchange events, their outcomes and commitments."""
