package com.calcomalt.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import com.calcomalt.platform.config.NodeName;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Axon on PostgreSQL without Axon Server: Axon's JDBC event store, token store, saga store and
 * dead-letter queue on the {@code eventstore} schema that Flyway creates (bytea blobs, snake_case
 * names), and Jackson for every serialized message, token and snapshot. Declared explicitly rather
 * than left to Axon's conditional JDBC auto-configuration, which silently falls back to an in-memory
 * store when its DataSource condition is evaluated too early.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class})
public class AxonOnPostgresAutoConfiguration {

    static final String SCHEMA = "eventstore.";

    /** Milliseconds, as cal.com's timestamp(3) columns keep them: events and rows then agree to the digit. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** The event format is a contract of the event store, so it does not share the web layer's mapper. */
    @Bean
    @Primary
    Serializer serializer() {
        ObjectMapper objectMapper = JsonMapper.builder()
                .findAndAddModules()
                .addModule(new BlackbirdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return JacksonSerializer.builder().objectMapper(objectMapper).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** The driver's Error on a lost connection is a connection failure on every pooled connection too: see {@link ConnectionLossAsFailure}. */
    @Bean
    static BeanPostProcessor pooledConnectionLossAsFailure() {
        return new ConnectionLossAsFailure.PooledConnections();
    }

    /** A command sent from an event handler must not end the handler's transaction: see {@link TransactionBoundConnections}. */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new TransactionBoundConnections(dataSource);
    }

    /**
     * Two nodes appending to one aggregate break the (aggregate, sequence) key. pgjdbc reports that as
     * SQLSTATE 23505 in a plain PSQLException, which Axon's JDBC default does not recognise (it looks for
     * SQLIntegrityConstraintViolationException); unrecognised, it is an EventStoreException, a 500.
     * Recognised, it is the ConcurrencyException that {@link ConflictRetry} tries again.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(SCHEMA + "domain_event_entry")
                .snapshotTable(SCHEMA + "snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${calalt.eventstore.batch-size:1000}") int batchSize) {
        return new BoundedHeadReads(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                // Events a processor reads per query: Axon's 100 made a replay of a million events ten thousand queries.
                .batchSize(batchSize), 5 * batchSize);
    }

    /**
     * Another process appending events is only seen by polling; the default second of delay would
     * make a separately deployed query side lag visibly behind the command side.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${calalt.eventstore.fetch-delay:100ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(fetchDelay.toMillis())
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    /**
     * Pooled processors offer each event only to the processing groups that handle its type (see
     * {@link InvokersByPayloadType}); with {@code calalt.eventprocessing.deserialize-ahead=true} they read
     * its payload from JSON on their coordinator thread (see {@link DeserializedAhead}).
     */
    @Bean
    EventProcessingModule eventProcessingModule(
            @Value("${" + DeserializedAhead.PROPERTY + ":false}") boolean deserializeAhead) {
        return new EventProcessingModule() {
            @Override
            protected EventProcessor pooledStreamingEventProcessor(String name, EventHandlerInvoker eventHandlerInvoker,
                                                                   org.axonframework.config.Configuration config,
                                                                   StreamableMessageSource<TrackedEventMessage<?>> messageSource,
                                                                   PooledStreamingProcessorConfiguration processorConfiguration) {
                InvokersByPayloadType invokers = new InvokersByPayloadType(List.of(eventHandlerInvoker));
                return super.pooledStreamingEventProcessor(name, invokers, config,
                        deserializeAhead ? new DeserializedAhead(messageSource, invokers::canHandleType) : messageSource,
                        processorConfiguration);
            }
        };
    }

    /** The source the projection processors read: see {@link PromptEventSource}. */
    @Bean
    PromptEventSource promptEventSource(EventStore eventStore) {
        return new PromptEventSource(eventStore);
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable(SCHEMA + "token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                          @Value(NodeName.PROPERTY) String nodeName) {
        return JdbcTokenStore.builder()
                .nodeId(NodeName.of(nodeName))
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .claimTimeout(claimTimeout)
                .build();
    }

    @Bean
    LiveNodes liveNodes(JdbcTemplate jdbc, @Value(NodeName.PROPERTY) String nodeName,
                        @Value("${calalt.nodes.heartbeat-interval:2s}") Duration heartbeat,
                        @Value("${calalt.nodes.dead-after:${axon.eventhandling.tokenstore.claim-timeout:10s}}") Duration deadAfter,
                        EventProcessorProperties processorProperties) {
        return new LiveNodes(jdbc, NodeName.of(nodeName), heartbeat, deadAfter,
                processorProperties.getProcessors().keySet());
    }

    /**
     * Every pooled processor takes its fair share of its segments on this node and gives up the rest
     * (see {@link LiveNodes}); one of a single segment is still run by exactly one node at a time.
     */
    @Bean
    ConfigurerModule processorsTakeTheirShareOfSegments(LiveNodes liveNodes,
            @Value("${calalt.processors.claim-interval:1s}") Duration claimInterval) {
        // Axon's 5 s between claim attempts would be most of a takeover once a dead node's claims are freed at once.
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.maxSegmentProvider(liveNodes)
                        .tokenClaimInterval(claimInterval.toMillis()));
    }

    /**
     * Pooled processors whose token store holds fewer segments than their {@code initial-segment-count}
     * (tokens made before the count was raised) are split up to it: see {@link SegmentSplitter}.
     */
    @Bean
    SegmentSplitter segmentSplitter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                    LiveNodes liveNodes, EventProcessorProperties processorProperties,
                                    ObjectProvider<org.axonframework.config.Configuration> axon,
                                    @Value(NodeName.PROPERTY) String nodeName,
                                    @Value("${calalt.processors.split-interval:5s}") Duration interval,
                                    @Value("${calalt.processors.split-timeout:30s}") Duration splitTimeout) {
        Map<String, Integer> configured = new HashMap<>();
        processorProperties.getProcessors().forEach((name, settings) -> {
            if (settings.getMode() == EventProcessorProperties.Mode.POOLED && settings.getInitialSegmentCount() != null) {
                configured.put(name, settings.getInitialSegmentCount());
            }
        });
        return new SegmentSplitter(jdbc, new TransactionTemplate(transactionManager), configured, name -> axon.getObject()
                .eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class),
                NodeName.of(nodeName), interval, splitTimeout, liveNodes::beat);
    }

    @Bean
    JdbcSagaStore sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        SagaSchema schema = SagaSchema.builder()
                .sagaEntryTable(SCHEMA + "saga_entry")
                .associationValueEntryTable(SCHEMA + "association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build();
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema(schema))
                .serializer(serializer)
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable(SCHEMA + "dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "calalt.read-your-writes.enabled", havingValue = "true", matchIfMissing = true)
    ProjectionWatermark projectionWatermark(DataSource dataSource, JdbcTemplate jdbc, Serializer serializer,
                                            @Value("${calalt.read-your-writes.processors:calcom-projections}") List<String> processors,
                                            ObjectProvider<org.axonframework.config.Configuration> axon,
                                            @Value("${calalt.read-your-writes.poll-interval:5ms}") Duration pollInterval) {
        return new ProjectionWatermark(dataSource, jdbc, serializer, processors, axon, pollInterval);
    }

    /** The projection processors of this process wake the waiting requests after each batch they commit. */
    @Bean
    @ConditionalOnBean(ProjectionWatermark.class)
    ConfigurerModule projectionBatchesWakeWaitingRequests(ProjectionWatermark watermark) {
        return configurer -> watermark.processors().forEach(processor -> configurer.eventProcessing()
                .registerHandlerInterceptor(processor, c -> watermark.signalAfterEachBatch()));
    }

    @Bean
    @ConditionalOnBean(ProjectionWatermark.class)
    ReadYourWrites readYourWrites(JdbcTemplate jdbc, ProjectionWatermark watermark, EmbeddedEventStore eventStore,
                                  @Value("${calalt.read-your-writes.timeout:2s}") Duration timeout,
                                  @Value("${calalt.read-your-writes.failover-timeout:30s}") Duration failoverTimeout,
                                  LiveNodes liveNodes, ObjectProvider<MeterRegistry> registry) {
        ReadYourWrites readYourWrites = new ReadYourWrites(jdbc, watermark, timeout, failoverTimeout, liveNodes,
                registry.getIfAvailable(SimpleMeterRegistry::new));
        eventStore.registerDispatchInterceptor(readYourWrites.eventsOfTheRequest());
        return readYourWrites;
    }

    /** Outermost, so a response waits for the projections only after everything else about it is done. */
    @Bean
    @ConditionalOnBean(ReadYourWrites.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<ReadYourWrites.Filter> readYourWritesFilter(ReadYourWrites readYourWrites) {
        FilterRegistrationBean<ReadYourWrites.Filter> registration =
                new FilterRegistrationBean<>(readYourWrites.new Filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Axon's gateway, with a command that lost a race to another node tried again (see {@link ConflictRetry}). */
    @Bean
    @ConditionalOnMissingBean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${calalt.commands.conflict-retries:3}") int conflictRetries,
                                  @Value("${calalt.commands.conflict-backoff:20ms}") Duration conflictBackoff) {
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ConflictRetry(conflictRetries, conflictBackoff)).build();
    }

    @Bean
    CallerMetaData.DispatchInterceptor callerTravelsWithEachCommand() {
        return new CallerMetaData.DispatchInterceptor();
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider callerOntoEvents() {
        return new SimpleCorrelationDataProvider(CallerMetaData.CALLER_USER_ID);
    }

    /**
     * A failing event handler stops its processor at that event and retries; nothing is skipped. Nor does
     * an Error stop a pooled processor for good: see {@link ErrorAsFailure}.
     */
    @Bean
    ConfigurerModule failingEventHandlersAreRetriedNotSkipped() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> new LogAndPropagateErrorHandler())
                .registerDefaultErrorHandler(c -> new ErrorAsFailure());
    }
}
