package com.calcomalt.query.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiKeyRows extends JpaRepository<ApiKeyRow, String> {

    @Query("""
            select k from ApiKeyRow k where (k.userId = ?1 and k.teamId is null) or k.teamId in ?2
            order by k.createdAt, k.id""")
    List<ApiKeyRow> personalOrOfTeams(int userId, Collection<Integer> teamIds);
}
