package com.calcomalt.query.identity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationSettingsRows extends JpaRepository<OrganizationSettingsRow, Integer> {

    Optional<OrganizationSettingsRow> findByOrganizationId(int organizationId);
}
