"""Shared by the whole suite: what the Elasticsearch tests (marked `elasticsearch`) report."""

NOT_APPLICABLE = "not applicable"


def pytest_terminal_summary(terminalreporter):
    """How many tests ran against a real Elasticsearch node, and how many did not apply to its
    analysis chain, so a run that exercised no node cannot pass for one that did."""
    counts = {"passed": 0, "failed": 0, NOT_APPLICABLE: 0, "skipped": 0}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if "elasticsearch" not in getattr(report, "keywords", {}) or report.when not in (
                "call",
                "setup",
            ):
                continue
            if outcome == "skipped":
                reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ""
                counts[NOT_APPLICABLE if NOT_APPLICABLE in reason else "skipped"] += 1
            elif report.when == "call" or outcome in ("failed", "error"):
                counts["passed" if outcome == "passed" else "failed"] += 1
    if any(counts.values()):
        terminalreporter.write_line(
            f"Elasticsearch tests against a real node: {counts['passed'] + counts['failed']} ran "
            f"({counts['passed']} passed, {counts['failed']} failed), "
            f"{counts[NOT_APPLICABLE]} not applicable to the node's analysis chain, "
            f"{counts['skipped']} skipped (no node)"
        )
