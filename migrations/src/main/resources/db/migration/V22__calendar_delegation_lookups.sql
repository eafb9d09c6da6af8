-- Delegation credentials on the command side, changed in the transaction that appends their events.

-- One delegation credential per organization and domain, as cal.com's
-- "DelegationCredential_organizationId_domain_key" demands.
CREATE TABLE command_side.delegation_credentials (
    delegation_credential_id TEXT    PRIMARY KEY,
    organization_id          INTEGER NOT NULL,
    domain                   TEXT    NOT NULL
);
CREATE UNIQUE INDEX delegation_credentials_organization_domain_key
    ON command_side.delegation_credentials (organization_id, domain);
