package com.frontline.rollouts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param guardEvery       how often the guard looks at running experiments (once per cluster)
 * @param selectorCacheTtl how long a node keeps a workspace's running experiment in memory for the version
 *                         selector; another node's change reaches this one within it
 * @param guardWindow      the guard window of new experiments (at least 10 minutes): the guard decides on what each
 *                         arm did within it, so each arm needs its minimum sample (100 rated answers) within one
 *                         window. A day by default: at a 10 % step that is ~1,000 rated answers a day of website
 *                         traffic (an hour would need ~1,000 an hour, which few workspaces have); busy workspaces
 *                         may shorten it to catch a drop sooner
 */
@Validated
@ConfigurationProperties("frontline.rollouts")
record RolloutsProperties(@DefaultValue("1m") Duration guardEvery, @DefaultValue("5s") Duration selectorCacheTtl,
                          @DefaultValue("24h") Duration guardWindow) {

    RolloutsProperties {
        if (guardWindow.compareTo(Duration.ofMinutes(10)) < 0) {
            throw new IllegalArgumentException("frontline.rollouts.guard-window must be at least 10 minutes, not "
                    + guardWindow);
        }
    }
}
