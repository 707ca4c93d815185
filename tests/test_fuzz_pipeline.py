"""The whole pipeline on random text, bounded for CI (issue 10): `extract` then `validate`
through the command line. Every text gives either a valid package or a one-line error,
never a traceback. Derandomized, so every run tries the same texts."""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.cli import main

FRAGMENTS = ["Russia", "Ukraine", "said", "“", "”", "\"", "according to", "7,000", "missiles", "on Jan. 5",
             "struck", "Kyiv", "Secretary of State John Smith", "denied", "half", "MR. KIRBY:", ".", ",", "\n",
             "\r\n", "\ufeff", "\u00a0", "\x00", "\x07", "\u2028", "é", "𝐀"]
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60).map(" ".join),
)


def _one_line_error(result) -> None:
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.exception
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("Error: "), result.stderr


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, encode_utf8=st.booleans())
def test_extract_then_validate_random_text(text: str, encode_utf8: bool) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "random.txt"
        article.write_bytes(text.encode("utf-8", "surrogatepass") if encode_utf8 else text.encode("utf-16"))
        out = Path(tmp) / "package"
        extracted = runner.invoke(main, ["extract", str(article), "--out", str(out), "--published", "2024-06-21"])
        if extracted.exit_code != 0:
            _one_line_error(extracted)
            assert "random.txt" in extracted.stderr
            assert not (out / "datapackage.json").exists()
            return
        validated = runner.invoke(main, ["validate", str(out)])
        assert validated.exit_code == 0, validated.stderr
