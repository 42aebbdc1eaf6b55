/**
 * The rollouts pages: the overview with the split in force and the deployment history, the new-experiment form with
 * its rehearsal line, and an experiment's dashboard (per-arm table, differences with named tests, helpful rate over
 * time as server-drawn SVG) with the buttons that advance, roll back or stop it.
 */
@NullMarked
package com.frontline.rollouts.web;

import org.jspecify.annotations.NullMarked;
