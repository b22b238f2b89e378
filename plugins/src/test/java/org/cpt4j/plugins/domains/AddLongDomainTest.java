package org.cpt4j.plugins.domains;

import org.cpt4j.domain.Domain;
import org.cpt4j.testing.DomainContract;

class AddLongDomainTest extends DomainContract {

    @Override
    protected Domain domain() {
        return Domains.addLong();
    }
}
