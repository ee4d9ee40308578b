"""Roster indicators over a partitioned dataset on a Dask cluster.

Each worker process computes the partial aggregate of its partitions
(integer counts per cell); the partials travel back pickled and merge exactly,
so the tables equal the single-process result, cell for cell.

    python examples/dask_indicators.py            # 3 worker processes, the sample roster
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import suraksha

ROSTER = Path(__file__).resolve().parent / "district" / "roster.csv"


def load_roster(path: Path = ROSTER) -> pd.DataFrame:
    """The roster with Arrow-backed dtypes, so integer columns with gaps stay integers."""
    return pd.read_csv(path, dtype_backend="pyarrow")


def partial_of(partition: pd.DataFrame) -> suraksha.IndicatorPartial:
    """The work each worker does: one partition in, one partial aggregate out."""
    return suraksha.indicator_partial(partition)


def distributed_indicators(roster: pd.DataFrame, n_workers: int = 3, partitions: int = 8, **table_options: Any) -> Any:
    """The indicator tables of `roster`, computed on `n_workers` processes."""
    frame = dd.from_pandas(roster, npartitions=partitions)
    tasks = [dask.delayed(partial_of)(part) for part in frame.to_delayed()]
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster):
            partials = dask.compute(*tasks)  # pickled back from the worker processes
    return suraksha.IndicatorPartial.merge_all(partials).tables(**table_options)


if __name__ == "__main__":
    roster = load_roster()
    tables = distributed_indicators(roster, level="district", by=["sex"])
    print(tables.to_pandas()[["indicator", "sex", "display"]].to_string())
