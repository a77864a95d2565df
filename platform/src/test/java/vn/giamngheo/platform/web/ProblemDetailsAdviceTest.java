package vn.giamngheo.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import java.time.Duration;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.platform.dependencies.Unavailable;

class ProblemDetailsAdviceTest {

    @RestController
    static class Failing {

        @GetMapping("/selection")
        String selection() {
            throw new MongoTimeoutException("Timed out while waiting for a server that matches WritableServerSelector");
        }

        @GetMapping("/wrapped")
        String wrapped() {
            throw new IllegalStateException("could not load", new MongoOperationTimeoutException("Timeout"));
        }

        @GetMapping("/kafka")
        String kafka() {
            throw new org.apache.kafka.common.errors.TimeoutException("Timeout expired while fetching topic metadata");
        }

        @GetMapping("/duplicate")
        String duplicate() {
            throw new MongoWriteException(new WriteError(11000, "E11000 duplicate key", new BsonDocument()),
                    new ServerAddress(), Set.of());
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemDetailsAdvice(Duration.ofSeconds(7))).build();

    @Test
    void aDatabaseThatDoesNotAnswerIsA503ProblemWithRetryAfter() throws Exception {
        mvc.perform(get("/selection"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value(containsString("MongoDB did not answer in time")))
                .andExpect(jsonPath("$.detail").value(containsString("Try again in 7 s")))
                .andExpect(request().attribute(ProblemDetailsAdvice.UNAVAILABLE, instanceOf(Unavailable.class)));
    }

    @Test
    void soIsAnOperationTimeoutBehindAnotherException() throws Exception {
        mvc.perform(get("/wrapped"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"));
    }

    @Test
    void aBrokerThatDoesNotAnswerIsA503Too() throws Exception {
        mvc.perform(get("/kafka"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(containsString("Kafka did not answer in time")));
    }

    @Test
    void anyOtherDatabaseErrorStaysA500WithoutRetryAfter() throws Exception {
        mvc.perform(get("/duplicate"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().doesNotExist("Retry-After"));
    }
}
