"""Reading on every core: worker processes read and parse, and the result is exactly what one
process gives: the same database byte for byte, the same results in the same order, the same
one-paragraph error when a document fails."""

import gc
import os
import signal
import time

import pytest
from conftest import MET_HTML, MET_TEXT
from multiforce.toolkit import pipeline, summaries, workers
from multiforce.toolkit.errors import DocumentError
from multiforce.toolkit.pipeline import build, ingest
from multiforce.toolkit.store import publish
from test_faults import met_batch


def test_a_build_with_two_jobs_is_byte_for_byte_the_build_with_one(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "FULLTEXT_WORKER_FROM", 0)  # the full-text index in a worker
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    results = [build(one, jobs=1), build(two, jobs=2)]
    assert one.read_bytes() == two.read_bytes()
    assert results[0] == results[1]  # every document's counts and warnings, in the same order


def test_an_ingest_with_two_jobs_is_byte_for_byte_the_ingest_with_one(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 7)  # batches end inside a worker's chunk
    monkeypatch.setattr(publish, "FULLTEXT_WORKER_FROM", 0)
    documents = [MET_HTML, *met_batch(tmp_path / "docs", 20, 0), MET_TEXT]
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    results = [ingest(one, documents, jobs=1), ingest(two, documents, jobs=2)]
    assert one.read_bytes() == two.read_bytes()
    assert [item.path for item in results[1]] == documents
    assert results[0] == results[1]


def test_with_two_jobs_the_documents_are_read_in_workers(tmp_path, monkeypatch):
    here, real = os.getpid(), pipeline.parse

    def elsewhere(path, force=None):
        assert os.getpid() != here, "a document was parsed in the parent process"
        return real(path, force)

    monkeypatch.setattr(pipeline, "parse", elsewhere)  # workers are forked: they see it too
    results = ingest(tmp_path / "c.db", met_batch(tmp_path / "docs", 6, 0), jobs=2)
    assert [item.counts["observations"] for item in results] == [28] * 6


def test_the_workers_give_way_to_the_process_that_uses_their_results():
    """This process validates and writes each batch while the workers read on: with as many
    workers as cores, it must not wait its turn on a core behind them."""
    if os.nice(0) >= 19:
        pytest.skip("this process already runs at the lowest priority")
    niceness = list(workers.in_order(lambda _: os.nice(0), range(4), jobs=2, give_way=True))
    assert niceness == [min(19, os.nice(0) + workers.NICER)] * 4
    assert os.nice(0) < niceness[0]


def test_workers_whose_results_this_process_waits_for_keep_its_priority():
    """The full-text index and the summaries are made in workers while this process has little
    else to do: at the lowest priority, on a busy machine, they would wait behind every other
    program."""
    niceness = list(workers.in_order(lambda _: os.nice(0), range(4), jobs=2))
    assert niceness == [os.nice(0)] * 4


def test_an_ingest_gives_way_only_while_it_reads(monkeypatch, tmp_path):
    """The workers reading the documents give way to this process; those of a publication's
    end do not."""
    asked = []
    real = workers.in_order

    def noted(function, items, jobs, *args, give_way=False, **kwargs):
        asked.append((getattr(function, "__name__", ""), give_way))
        return real(function, items, jobs, *args, give_way=give_way, **kwargs)

    monkeypatch.setattr(pipeline, "in_order", noted)
    monkeypatch.setattr(summaries, "in_order", noted)
    monkeypatch.setattr(publish, "in_order", noted)
    ingest(tmp_path / "c.db", met_batch(tmp_path / "docs", 3, 0), jobs=2)
    assert ("_parsed_for_publishing", True) in asked
    assert ("build", False) in asked  # the full-text index
    assert {give_way for name, give_way in asked if name != "_parsed_for_publishing"} == {False}


def test_an_ingest_collects_cycles_less_often_and_leaves_the_collector_as_it_was(
    monkeypatch, tmp_path
):
    seen = []
    real = pipeline.validate

    def noted(extraction):
        seen.append(gc.get_threshold())
        return real(extraction)

    monkeypatch.setattr(pipeline, "validate", noted)
    before, python_default = gc.get_threshold(), (700, 10, 10)
    gc.set_threshold(*python_default)  # whatever a test before this one left
    try:
        ingest(tmp_path / "c.db", [MET_TEXT])
        assert seen == [workers.COLLECTOR_THRESHOLDS]
        assert gc.get_threshold() == python_default
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize("jobs", [1, 2])
def test_work_given_meanwhile_runs_here_once_while_the_items_are_computed(jobs):
    """The summaries take one item a task and run their own statements while the workers
    compute: `meanwhile` runs once, in this process, before the first result is used."""
    here, calls = os.getpid(), []
    results = workers.in_order(
        lambda item: (item, os.getpid()),
        range(4),
        jobs=jobs,
        chunk=1,
        meanwhile=lambda: calls.append(os.getpid()),
    )
    first = next(results)
    assert calls == [here]
    computed = [first, *results]
    assert [item for item, _ in computed] == [0, 1, 2, 3] and calls == [here]
    assert {pid != here for _, pid in computed} == {jobs > 1}


def _dies_on_one(item: int) -> int:
    if item == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    return item


def test_a_worker_that_dies_after_a_result_came_back_is_reported_as_a_dead_worker():
    """The pool breaks after the first item's result was computed: the next item asked of it,
    not only a result waited for, reports the dead worker, never the pool's own exception."""
    results = workers.in_order(
        _dies_on_one, range(40), jobs=2, chunk=1, meanwhile=lambda: time.sleep(1)
    )
    with pytest.raises(workers.WorkerDied, match="a worker process stopped"):
        list(results)


def test_a_document_error_in_a_worker_is_raised_as_itself(tmp_path):
    documents = met_batch(tmp_path / "docs", 12, 0)
    (tmp_path / "docs" / "response-5.txt").write_text("")
    with pytest.raises(DocumentError) as failure:
        ingest(tmp_path / "c.db", documents, jobs=2)
    assert failure.value.path == documents[5]
    assert str(failure.value).startswith(f"{documents[5]}: the file is empty")
    assert not (tmp_path / "c.db").exists()


@pytest.mark.parametrize("fault", ["an empty document", "a bug"])
def test_a_workers_error_reaches_the_user_as_with_one_job(tmp_path, monkeypatch, cli, fault):
    documents = met_batch(tmp_path / "docs", 12, 0)
    if fault == "an empty document":
        documents[7].write_text("")
    else:
        real = pipeline.parse

        def broken(path, force=None):
            if path.name == documents[7].name:
                raise ZeroDivisionError("division by zero")
            return real(path, force)

        monkeypatch.setattr(pipeline, "parse", broken)
    outputs = [
        cli("ingest", "--jobs", jobs, "--db", tmp_path / f"{jobs}.db", *documents)
        for jobs in (1, 2)
    ]
    assert outputs[0].exit_code == outputs[1].exit_code == (1 if fault.startswith("an") else 70)
    assert outputs[0].output == outputs[1].output
    (error,) = [line for line in outputs[1].output.splitlines() if line.startswith("Error")]
    assert (
        "response-7.txt: the file is empty" if fault.startswith("an") else "ZeroDivision"
    ) in error
    assert "Traceback" not in outputs[1].output
    assert not (tmp_path / "2.db").exists()
