"""hamm_core.adapters.tasks.PeriodicRefresh: the refresh cycle of every live feed."""

import pytest

pytestmark = pytest.mark.qgis


class Feed:
    """A PeriodicRefresh whose work and apply are scripted by the test."""

    def __new__(cls, results, fail_apply=()):
        from hamm_core.adapters.tasks import PeriodicRefresh

        class _Feed(PeriodicRefresh):
            interval_s = 3600

            def __init__(self):
                self.errors = []
                super().__init__(on_error=self.errors.append)
                self.applied = []

            def task_title(self):
                return "test feed"

            def work(self, task):
                item = results.pop(0)
                if isinstance(item, Exception):
                    raise item
                return item

            def apply(self, result):
                if result in fail_apply:
                    raise ValueError("broken record {}".format(result))
                self.applied.append(result)

        return _Feed()


def test_a_failing_apply_keeps_the_feed_alive_and_is_reported_once(qgis_app):
    from hamm_core.adapters.tasks import wait_for
    from hamm_core.logic.errors import HammError
    feed = Feed([1, 2, 3, HammError("down"), 4], fail_apply=(2, 3))
    try:
        assert wait_for(feed.start(), 10) and feed.applied == [1] and feed.refreshes == 1
        assert feed.timer.isActive()
        # apply raises twice in a row, then the server fails: one report for the outage
        for _ in range(3):
            assert wait_for(feed.refresh(), 10)
            assert feed.timer.isActive()  # re-armed: the next interval tries again
        assert feed.errors_in_row == 3 and len(feed.errors) == 1
        assert "broken record 2" in str(feed.errors[0])
        assert wait_for(feed.refresh(), 10)
        assert feed.applied == [1, 4] and feed.errors_in_row == 0 and feed.last_error is None
    finally:
        feed.stop()
    assert not feed.timer.isActive() and feed.refresh() is None


def test_an_interval_of_zero_refreshes_only_when_asked(qgis_app):
    from hamm_core.adapters.tasks import wait_for
    feed = Feed([1, 2])
    feed.interval_s = 0
    try:
        assert wait_for(feed.start(), 10) and feed.applied == [1]
        assert not feed.timer.isActive()  # no timer: the user refreshes by hand
        assert wait_for(feed.refresh(), 10) and feed.applied == [1, 2]
        assert not feed.timer.isActive()
    finally:
        feed.stop()
