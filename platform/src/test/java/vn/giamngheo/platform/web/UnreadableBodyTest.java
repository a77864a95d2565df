package vn.giamngheo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;

/** A body Jackson cannot read is answered with the field it failed at and why, as the converter reports it. */
class UnreadableBodyTest {

    record Member(long incomeVnd) {
    }

    record Evaluation(long annualIncomeVnd, int memberCount, List<Member> members) {
    }

    private static FieldProblem problem(String json) {
        HttpMessageNotReadableException e = catchThrowableOfType(HttpMessageNotReadableException.class,
                () -> new JacksonJsonHttpMessageConverter().read(Evaluation.class,
                        new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8))));
        assertThat(e).as("unreadable: %s", json).isNotNull();
        return ProblemDetailsAdvice.unreadable(e);
    }

    @Test
    void aNumberTooLargeForAWholeNumberFieldNamesTheFieldAndTheRange() {
        assertThat(problem("{\"annualIncomeVnd\": 1e30, \"memberCount\": 4}")).isEqualTo(new FieldProblem(
                "annualIncomeVnd", "1e30 is out of range for a whole number (-9223372036854775808 to "
                        + "9223372036854775807)"));
        assertThat(problem("{\"annualIncomeVnd\": 99999999999999999999}")).isEqualTo(new FieldProblem(
                "annualIncomeVnd", "99999999999999999999 is out of range for a whole number (-9223372036854775808 to "
                        + "9223372036854775807)"));
        assertThat(problem("{\"memberCount\": 1e30}")).isEqualTo(new FieldProblem("memberCount",
                "1e30 is out of range for a whole number (-2147483648 to 2147483647)"));
        assertThat(problem("{\"memberCount\": -3000000000}")).isEqualTo(new FieldProblem("memberCount",
                "-3000000000 is out of range for a whole number (-2147483648 to 2147483647)"));
        assertThat(problem("{\"members\": [{\"incomeVnd\": 1}, {\"incomeVnd\": 1e30}]}").field())
                .isEqualTo("members[1].incomeVnd");
    }

    @Test
    void malformedJsonIsStillNamedAsSuch() {
        assertThat(problem("{\"annualIncomeVnd\": 12,}").reason()).startsWith("malformed JSON at line 1");
        assertThat(problem("{\"annualIncomeVnd\": \"many\"}")).isEqualTo(new FieldProblem("annualIncomeVnd",
                "'many' is not a valid whole number"));
    }
}
