"""DATABASE_REPLICA_URLS: each replica a database alias read by the router; none set, the
archive runs exactly as without replicas (no router, no middleware)."""

import json
import os
import subprocess
import sys

SHOW = """
import json
from ficarchive import settings as s
print(json.dumps({
    "aliases": sorted(s.DATABASES), "replicas": s.REPLICA_DATABASES,
    "routers": s.DATABASE_ROUTERS,
    "middleware": [m for m in s.MIDDLEWARE if "replica" in m.lower()],
    "replica_0": s.DATABASES.get("replica_0", {}).get("HOST"),
    "mirror": s.DATABASES.get("replica_1", {}).get("TEST"),
}))
"""


def settings_with(**env) -> dict:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URLS"}
    environment.update(env, FICARCHIVE_TESTING="true")
    done = subprocess.run([sys.executable, "-c", SHOW], env=environment, capture_output=True,
                          text=True, check=True, timeout=60)  # fmt: skip
    return json.loads(done.stdout)


def test_without_replicas_there_is_no_router_and_no_middleware():
    found = settings_with()
    assert found["aliases"] == ["default"]
    assert found["routers"] == [] and found["middleware"] == []


def test_each_replica_url_is_a_database_read_through_the_router():
    found = settings_with(
        DATABASE_REPLICA_URLS="postgres://reader@db-replica-a/fics, postgres://reader@db-replica-b/fics"
    )
    assert found["replicas"] == ["replica_0", "replica_1"]
    assert found["replica_0"] == "db-replica-a"
    assert found["routers"] == ["ficarchive.core.replica.ReplicaRouter"]
    assert found["middleware"] == ["ficarchive.core.replica.ReplicaMiddleware"]
    assert found["mirror"] == {"MIRROR": "default"}
