-- What a manager and its workers share beyond Spring Batch's tables, in the job repository's PostgreSQL database.
-- Every statement may run again (each process runs this file when it starts, one at a time under an advisory lock).

-- Liveness: a manager beats per job instance (KIND 'MANAGER', ID = job instance id), a worker per partition it runs
-- (KIND 'PARTITION', ID = step execution id). Times are the database's, so machines' clocks do not matter.
CREATE TABLE IF NOT EXISTS SYNCSHIFT_HEARTBEAT (
    KIND VARCHAR(16) NOT NULL,
    ID BIGINT NOT NULL,
    OWNER VARCHAR(200) NOT NULL,
    JOB_INSTANCE_ID BIGINT NOT NULL,
    BEAT TIMESTAMP NOT NULL,
    PRIMARY KEY (KIND, ID)
);

-- Cluster-wide rate limits: one Bucket4j token bucket per AWS operation.
CREATE TABLE IF NOT EXISTS SYNCSHIFT_RATE_BUCKET (
    ID VARCHAR(64) NOT NULL PRIMARY KEY,
    STATE BYTEA
);

-- The partition requests of the default transport: Spring Integration's channel message table (PostgreSQL layout)
-- and the trigger that notifies listening workers of each new request.
CREATE SEQUENCE IF NOT EXISTS INT_MESSAGE_SEQ START WITH 1 INCREMENT BY 1 NO CYCLE;
CREATE TABLE IF NOT EXISTS INT_CHANNEL_MESSAGE (
    MESSAGE_ID CHAR(36) NOT NULL,
    GROUP_KEY CHAR(36) NOT NULL,
    CREATED_DATE BIGINT NOT NULL,
    MESSAGE_PRIORITY BIGINT,
    MESSAGE_SEQUENCE BIGINT NOT NULL DEFAULT nextval('INT_MESSAGE_SEQ'),
    MESSAGE_CONTENT BYTEA,
    REGION VARCHAR(100) NOT NULL,
    CONSTRAINT INT_CHANNEL_MESSAGE_PK PRIMARY KEY (REGION, GROUP_KEY, CREATED_DATE, MESSAGE_SEQUENCE)
);
CREATE INDEX IF NOT EXISTS INT_CHANNEL_MSG_DELETE_IDX ON INT_CHANNEL_MESSAGE (REGION, GROUP_KEY, MESSAGE_ID);
CREATE OR REPLACE FUNCTION INT_CHANNEL_MESSAGE_NOTIFY_FCT() RETURNS TRIGGER AS
'BEGIN PERFORM pg_notify(''int_channel_message_notify'', NEW.REGION || '' '' || NEW.GROUP_KEY); RETURN NEW; END;'
LANGUAGE PLPGSQL;
CREATE OR REPLACE TRIGGER INT_CHANNEL_MESSAGE_NOTIFY_TRG AFTER INSERT ON INT_CHANNEL_MESSAGE
FOR EACH ROW EXECUTE PROCEDURE INT_CHANNEL_MESSAGE_NOTIFY_FCT();
