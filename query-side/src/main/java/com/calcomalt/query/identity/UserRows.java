package com.calcomalt.query.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRows extends JpaRepository<UserRow, Integer> {

    List<UserRow> findByEmail(String email);
}
