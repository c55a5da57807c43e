package com.hypertube.source.web;

import com.hypertube.web.ProblemDetailsAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every error of the source service into problem details; source-specific errors get handlers here. */
@RestControllerAdvice
class SourceProblemHandler extends ProblemDetailsAdvice {}
