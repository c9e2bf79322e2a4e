import os
from dataclasses import replace
from datetime import date
from pathlib import Path

from geo.ingest.read import SeedFile, Skipped, article_id, read_article, read_folder
from geo.models import Article
from tests.conftest import SEED, write_article


def test_seed_header_and_text() -> None:
    a = read_article(SEED)
    assert a.published == date(2024, 10, 29)
    assert a.source is None  # "unknown" in the header
    assert a.title.startswith("Kyiv launches new mobilization effort")
    assert "Bogoyavlenka, Girnyk, and Katerynivka" in a.text
    original = (SEED.parent.parent / "seeds" / SEED.name).read_text(encoding="utf-8").split("---\n", 2)[2]
    assert a.text == original.strip("\n")


def test_article_without_header_is_read_with_first_line_as_title(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Troops enter Kherson\nUkrainian troops entered Kherson.", encoding="utf-8")
    a = read_article(p)
    assert a.title == "Troops enter Kherson" and a.published is None and a.url is None


def test_id_is_a_hash_of_normalised_text() -> None:
    assert article_id("A  line\r\nB\n") == article_id("A  line\nB")
    assert article_id("A line") != article_id("Another line")
    assert len(article_id("x")) == 16


def test_same_article_under_two_names_is_kept_once(tmp_path: Path) -> None:
    write_article(tmp_path, "one.md", "Russian forces captured Avdiivka.", published="2024-02-17")
    write_article(tmp_path, "two.md", "Russian forces captured Avdiivka.\n", published="2024-02-17",
                  source="Other")
    first, second = [i for i in read_folder(tmp_path) if not isinstance(i, SeedFile)]
    assert not isinstance(first, Skipped) and first.path.endswith("one.md")
    assert isinstance(second, Skipped) and second.path.endswith("two.md") and "same text as" in second.reason


def test_a_file_unchanged_since_the_last_run_is_not_read_again(tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.md", "Russian forces captured Avdiivka.", published="2024-02-17")
    article, file = read_folder(tmp_path)
    assert (isinstance(article, Article)
            and file == SeedFile(str(path), path.stat().st_size, path.stat().st_mtime_ns, (article.id,)))
    stat = path.stat()
    # same size
    path.write_text(path.read_text(encoding="utf-8").replace("Avdiivka", "Vuhledar"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    # taken on trust: not read
    assert list(read_folder(tmp_path, {file.path: file})) == [replace(file, read=False)]
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    again, _ = read_folder(tmp_path, {file.path: file})
    assert isinstance(again, Article) and "Vuhledar" in again.text


def test_bad_files_are_skipped_with_a_reason_and_the_rest_read(tmp_path: Path) -> None:
    write_article(tmp_path, "good.md", "Russian forces captured Avdiivka.", published="2024-02-17")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "broken.md").write_text("---\ntitle: never closed\nSome text", encoding="utf-8")
    (tmp_path / "cp1251.txt").write_bytes("Бахмут — місто.".encode("cp1251"))
    items = [i for i in read_folder(tmp_path) if not isinstance(i, SeedFile)]
    skipped = {Path(i.path).name: i.reason for i in items if isinstance(i, Skipped)}
    read = sorted(Path(i.path).name for i in items if not isinstance(i, Skipped))
    assert read == ["cp1251.txt", "good.md"]
    assert "empty" in skipped["empty.txt"]
    assert "binary" in skipped["binary.txt"]
    assert "never closed" in skipped["broken.md"]


def test_published_that_is_not_a_date_leaves_relative_dates_unresolved(tmp_path: Path) -> None:
    p = write_article(tmp_path, "a.md", "Text.", published="last Tuesday")
    assert read_article(p).published is None
