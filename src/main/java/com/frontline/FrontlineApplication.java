package com.frontline;

import com.frontline.evaluation.AnswerEvaluationCommand;
import com.frontline.rollouts.RolloutRehearsalCommand;
import com.frontline.search.RetrievalEvaluationCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FrontlineApplication {

    public static void main(String[] args) {
        // A command instead of the portal: starts only what the command needs, then exits with its status.
        if (args.length > 0 && RetrievalEvaluationCommand.NAME.equals(args[0])) {
            System.exit(RetrievalEvaluationCommand.run(Arrays.asList(args).subList(1, args.length)));
        }
        if (args.length > 0 && AnswerEvaluationCommand.NAME.equals(args[0])) {
            System.exit(AnswerEvaluationCommand.run(Arrays.asList(args).subList(1, args.length),
                    FrontlineApplication.class));
        }
        if (args.length > 0 && RolloutRehearsalCommand.NAME.equals(args[0])) {
            // pure computation: no Spring context, no database, no search node
            System.exit(RolloutRehearsalCommand.run(Arrays.asList(args).subList(1, args.length)));
        }
        SpringApplication.run(FrontlineApplication.class, args);
    }
}
