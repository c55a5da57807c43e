package com.hypertube.testinfra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips a {@link RequiresCommand} class whose commands are not on the PATH, and says so on standard error. */
final class RequiresCommandCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getElement(), RequiresCommand.class)
                .map(RequiresCommandCondition::evaluate)
                .orElse(ConditionEvaluationResult.enabled("no command required"));
    }

    private static ConditionEvaluationResult evaluate(RequiresCommand required) {
        List<String> missing = Arrays.stream(required.value())
                .filter(command -> !onPath(command))
                .toList();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("found " + String.join(", ", required.value()));
        }
        String notice = "SKIPPED: " + String.join(", ", missing) + " not installed; " + required.install();
        System.err.println(notice); // in the build's output, not only in the reports
        return ConditionEvaluationResult.disabled(notice);
    }

    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, command))
                .anyMatch(Files::isExecutable);
    }
}
