-- Axon's event store, token store, saga store and dead-letter queue, in their own schema so the
-- public schema holds exactly cal.com's tables. Serialized data is bytea (readable with
-- convert_from(payload, 'UTF8')); names are the snake_case ones the application configures.
CREATE SCHEMA IF NOT EXISTS eventstore;

-- Increment 1: with larger increments, nodes hand out global indexes out of order, and a
-- streaming processor may then treat the late ones as gaps it has already passed.
CREATE SEQUENCE eventstore.domain_event_entry_global_index_seq INCREMENT BY 1 START WITH 1;

CREATE TABLE eventstore.domain_event_entry (
    global_index         BIGINT       NOT NULL DEFAULT nextval('eventstore.domain_event_entry_global_index_seq'),
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_aggregate_sequence_key UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier)
);
ALTER SEQUENCE eventstore.domain_event_entry_global_index_seq OWNED BY eventstore.domain_event_entry.global_index;

CREATE TABLE eventstore.snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier)
);

CREATE TABLE eventstore.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);

CREATE TABLE eventstore.saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA,
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);

CREATE TABLE eventstore.association_value_entry (
    id                BIGSERIAL    NOT NULL,
    association_key   VARCHAR(255),
    association_value VARCHAR(255),
    saga_id           VARCHAR(255),
    saga_type         VARCHAR(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);
CREATE INDEX association_value_entry_lookup_idx
    ON eventstore.association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_entry_saga_idx
    ON eventstore.association_value_entry (saga_id, saga_type);

CREATE TABLE eventstore.dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_key UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_processing_group_idx
    ON eventstore.dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx
    ON eventstore.dead_letter_entry (processing_group, sequence_identifier);
