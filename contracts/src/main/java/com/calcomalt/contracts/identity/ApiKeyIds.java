package com.calcomalt.contracts.identity;

/** In the event store the stream of a api key is "api-key:{id}". */
public final class ApiKeyIds {

    private ApiKeyIds() {
    }

    public static String aggregateId(String keyId) {
        return "api-key:" + keyId;
    }
}
