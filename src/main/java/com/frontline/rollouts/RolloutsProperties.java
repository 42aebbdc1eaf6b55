package com.frontline.rollouts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param guardEvery       how often the guard looks at running experiments (once per cluster)
 * @param selectorCacheTtl how long a node keeps a workspace's running experiment in memory for the version
 *                         selector; another node's change reaches this one within it
 */
@Validated
@ConfigurationProperties("frontline.rollouts")
record RolloutsProperties(@DefaultValue("1m") Duration guardEvery, @DefaultValue("5s") Duration selectorCacheTtl) {
}
