package com.calcomalt.query.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRows extends JpaRepository<TeamRow, Integer> {

    List<TeamRow> findByIdInOrderById(Collection<Integer> ids);

    List<TeamRow> findByParentIdOrderById(int parentId);
}
