-- The migrator's own tables, beside Spring Batch's in the job repository database (H2 or PostgreSQL).
-- Every row belongs to one job instance (one pool, mode and run), so restarts find their state again.
CREATE TABLE IF NOT EXISTS SYNCSHIFT_RUN (
    JOB_INSTANCE_ID BIGINT NOT NULL PRIMARY KEY,
    PARTITIONS INT NOT NULL,
    ENUMERATION VARCHAR(16) NOT NULL,
    LISTED BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS SYNCSHIFT_MANIFEST (
    JOB_INSTANCE_ID BIGINT NOT NULL,
    POSITION BIGINT NOT NULL,
    PARTITION_NO INT NOT NULL,
    IDENTITY_ID VARCHAR(64) NOT NULL,
    PRIMARY KEY (JOB_INSTANCE_ID, POSITION)
);
CREATE INDEX IF NOT EXISTS SYNCSHIFT_MANIFEST_PARTITION ON SYNCSHIFT_MANIFEST (JOB_INSTANCE_ID, PARTITION_NO, POSITION);
-- An identity is in a run's manifest once, however often an identities file names it.
CREATE INDEX IF NOT EXISTS SYNCSHIFT_MANIFEST_IDENTITY ON SYNCSHIFT_MANIFEST (JOB_INSTANCE_ID, IDENTITY_ID);
CREATE TABLE IF NOT EXISTS SYNCSHIFT_ISSUE (
    JOB_INSTANCE_ID BIGINT NOT NULL,
    KIND VARCHAR(16) NOT NULL,
    IDENTITY_ID VARCHAR(64) NOT NULL,
    DATASET_NAME VARCHAR(128),
    RECORD_KEY VARCHAR(4200),
    DETAIL VARCHAR(2000) NOT NULL
);
CREATE INDEX IF NOT EXISTS SYNCSHIFT_ISSUE_RUN ON SYNCSHIFT_ISSUE (JOB_INSTANCE_ID);
-- A conflict is recorded ahead of its chunk and again with it, kept once: the look for it reads the identity's issues
-- of the run, not the whole run's (without this index, 20,000 conflicts took minutes to record, growing as a square).
CREATE INDEX IF NOT EXISTS SYNCSHIFT_ISSUE_IDENTITY ON SYNCSHIFT_ISSUE (JOB_INSTANCE_ID, IDENTITY_ID);
-- A run whose report is owed: from the start of each of its executions until the report of one has been written. A
-- run that completed but whose process ended before writing the report is still here, and the same command writes
-- that report rather than start the next run. Runs of repositories made before this table owe none.
CREATE TABLE IF NOT EXISTS SYNCSHIFT_REPORT_DUE (
    JOB_INSTANCE_ID BIGINT NOT NULL PRIMARY KEY
);
