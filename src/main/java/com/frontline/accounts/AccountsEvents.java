package com.frontline.accounts;

import com.frontline.shared.TenantId;

public final class AccountsEvents {

    private AccountsEvents() {
    }

    /** A confirmed upload became data version {@code version}; its accounts' facts are (re)indexed. */
    public record DataVersionConfirmed(TenantId tenant, int version) {
    }
}
