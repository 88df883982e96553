package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/** cdk-nag's AwsSolutions rules find nothing unsuppressed in any stack of any mode, and every suppression says why. */
class CdkNagTest {

    private static List<Synthesized> everyMode() {
        return List.of(Fixtures.route53(), Fixtures.publishing(), Fixtures.options(), Fixtures.hostingWithEdge(), Fixtures.hostingInRoute53());
    }

    @Test
    void cdkNagFindsNothingUnsuppressedInAnyStack() {
        int stacks = 0;
        for (Synthesized app : everyMode()) {
            for (Stack stack : app.stacks().all()) {
                stacks++;
                assertThat(app.messages(stack)).as(stack.getStackName())
                        .filteredOn(message -> message.getLevel() == SynthesisMessageLevel.ERROR || message.getLevel() == SynthesisMessageLevel.WARNING)
                        .extracting(message -> String.valueOf(message.getEntry().getData()))
                        .filteredOn(text -> text.startsWith("AwsSolutions-"))
                        .isEmpty();
            }
        }
        assertThat(stacks).isEqualTo(3 + 4 + 4 + 4 + 3);
    }

    @Test
    void everySuppressionGivesItsReason() {
        List<Object> suppressions = new ArrayList<>();
        for (Synthesized app : everyMode()) {
            for (Stack stack : app.stacks().all()) {
                app.templateJson(stack).values().forEach(section -> collectSuppressions(section, suppressions));
            }
        }
        assertThat(suppressions).extracting(s -> String.valueOf(((Map<?, ?>) s).get("id")))
                .contains("AwsSolutions-APIG4", "AwsSolutions-CFR1", "AwsSolutions-CFR3");
        assertThat(suppressions).allSatisfy(s -> assertThat(((Map<?, ?>) s).get("reason").toString()).hasSizeGreaterThan(40));
    }

    private static void collectSuppressions(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            Object rules = map.get("rules_to_suppress");
            if (rules instanceof List<?> list) {
                out.addAll(list);
            }
            map.values().forEach(value -> collectSuppressions(value, out));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectSuppressions(value, out));
        }
    }
}
