/**
 * The shared kernel: tenant identity, roles, errors and web conventions every feature module uses. Open, so that its
 * sub-packages (web) are part of its API.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.frontline.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
