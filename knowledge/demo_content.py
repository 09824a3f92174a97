"""Demo content of the knowledge app: the register first, then research that cites it."""

from knowledge.demo import register, research
from portal.demo_helpers import Log


def load(log: Log) -> None:
    register.load(log)
    research.load(log)
