package vn.giamngheo.auth.signin;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import vn.giamngheo.auth.people.People;
import vn.giamngheo.auth.people.Person;

/**
 * The people of the people file as accounts for the sign-in form. A locked login is refused before its password is
 * checked, so that guessing on goes nowhere while the lock lasts.
 */
final class SignInAccounts implements UserDetailsService {

    private final People people;
    private final SignInAttempts attempts;

    SignInAccounts(People people, SignInAttempts attempts) {
        this.people = people;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        Person person = people.find(login).orElseThrow(() -> new UsernameNotFoundException("No person " + login));
        // The hash keeps its {id}: the delegating encoder picks BCrypt or PBKDF2 by it.
        return User.withUsername(person.login()).password(person.passwordHash())
                .roles(person.roles().toArray(String[]::new))
                .accountLocked(attempts.locked(person.login()))
                .build();
    }
}
