package com.frontline.platform.elasticsearch;

/** No Elasticsearch distribution where the app looked for one (see {@link DistributionLocator}). */
class NoDistributionException extends ElasticsearchUnavailableException {

    NoDistributionException(String message) {
        super(message);
    }
}
